using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IlioCare.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustomExercises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomExercises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: true),
                    CopiedFromId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Steps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SafetyNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DoseType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Sets = table.Column<int>(type: "integer", nullable: true),
                    Reps = table.Column<int>(type: "integer", nullable: true),
                    Holds = table.Column<int>(type: "integer", nullable: true),
                    Seconds = table.Column<int>(type: "integer", nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    Sides = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Weekdays = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Illustration = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomExercises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomExercises_AspNetUsers_PatientId",
                        column: x => x.PatientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomExerciseLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    CustomExerciseId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DoseType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Sets = table.Column<int>(type: "integer", nullable: true),
                    Reps = table.Column<int>(type: "integer", nullable: true),
                    Holds = table.Column<int>(type: "integer", nullable: true),
                    Seconds = table.Column<int>(type: "integer", nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    StoppedForPain = table.Column<bool>(type: "boolean", nullable: false),
                    PainRose = table.Column<bool>(type: "boolean", nullable: false),
                    PainBefore = table.Column<int>(type: "integer", nullable: false),
                    PainDuring = table.Column<int>(type: "integer", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomExerciseLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomExerciseLogs_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustomExerciseLogs_CustomExercises_CustomExerciseId",
                        column: x => x.CustomExerciseId,
                        principalTable: "CustomExercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomExerciseLogs_AccountId_Date_CustomExerciseId",
                table: "CustomExerciseLogs",
                columns: new[] { "AccountId", "Date", "CustomExerciseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomExerciseLogs_CustomExerciseId",
                table: "CustomExerciseLogs",
                column: "CustomExerciseId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomExercises_AuthorId_PatientId",
                table: "CustomExercises",
                columns: new[] { "AuthorId", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomExercises_PatientId_Active",
                table: "CustomExercises",
                columns: new[] { "PatientId", "Active" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomExerciseLogs");

            migrationBuilder.DropTable(
                name: "CustomExercises");
        }
    }
}
