using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IlioCare.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CheckInsByUpdate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_UpdatedAtUtc",
                table: "CheckIns",
                column: "UpdatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CheckIns_UpdatedAtUtc",
                table: "CheckIns");
        }
    }
}
