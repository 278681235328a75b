using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IlioCare.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OnePausePerStartDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Pauses doubled by the race of issue 13 finding 7: keep the first of each (account, start day), ended
            // if any copy was ended (the patient's "I'm back" ended only one of them), and drop the others.
            migrationBuilder.Sql(@"UPDATE ""Pauses"" SET ""EndedOn"" = (SELECT MAX(d.""EndedOn"") FROM ""Pauses"" d
                WHERE d.""AccountId"" = ""Pauses"".""AccountId"" AND d.""StartedOn"" = ""Pauses"".""StartedOn"")
                WHERE ""Id"" IN (SELECT MIN(""Id"") FROM ""Pauses"" GROUP BY ""AccountId"", ""StartedOn"" HAVING COUNT(*) > 1);");
            migrationBuilder.Sql(@"DELETE FROM ""Pauses"" WHERE ""Id"" NOT IN (SELECT MIN(""Id"") FROM ""Pauses"" GROUP BY ""AccountId"", ""StartedOn"");");

            migrationBuilder.DropIndex(
                name: "IX_Pauses_AccountId_StartedOn",
                table: "Pauses");

            migrationBuilder.CreateIndex(
                name: "IX_Pauses_AccountId_StartedOn",
                table: "Pauses",
                columns: new[] { "AccountId", "StartedOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Pauses_AccountId_StartedOn",
                table: "Pauses");

            migrationBuilder.CreateIndex(
                name: "IX_Pauses_AccountId_StartedOn",
                table: "Pauses",
                columns: new[] { "AccountId", "StartedOn" });
        }
    }
}
