using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IlioCare.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", nullable: true),
                    CopiedFromId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SafetyNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DoseType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sets = table.Column<int>(type: "INTEGER", nullable: true),
                    Reps = table.Column<int>(type: "INTEGER", nullable: true),
                    Holds = table.Column<int>(type: "INTEGER", nullable: true),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Sides = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Weekdays = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Illustration = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    CustomExerciseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoseType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sets = table.Column<int>(type: "INTEGER", nullable: true),
                    Reps = table.Column<int>(type: "INTEGER", nullable: true),
                    Holds = table.Column<int>(type: "INTEGER", nullable: true),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    StoppedForPain = table.Column<bool>(type: "INTEGER", nullable: false),
                    PainRose = table.Column<bool>(type: "INTEGER", nullable: false),
                    PainBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    PainDuring = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
