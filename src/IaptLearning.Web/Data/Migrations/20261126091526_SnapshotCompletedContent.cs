using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaptLearning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnapshotCompletedContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CpdMinutes",
                table: "ModuleCompletions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModuleOutcomesJson",
                table: "ModuleCompletions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModuleTitle",
                table: "ModuleCompletions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CpdMinutes",
                table: "AssessmentAttempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModuleOutcomesJson",
                table: "AssessmentAttempts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModuleTitle",
                table: "AssessmentAttempts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CpdMinutes",
                table: "ModuleCompletions");

            migrationBuilder.DropColumn(
                name: "ModuleOutcomesJson",
                table: "ModuleCompletions");

            migrationBuilder.DropColumn(
                name: "ModuleTitle",
                table: "ModuleCompletions");

            migrationBuilder.DropColumn(
                name: "CpdMinutes",
                table: "AssessmentAttempts");

            migrationBuilder.DropColumn(
                name: "ModuleOutcomesJson",
                table: "AssessmentAttempts");

            migrationBuilder.DropColumn(
                name: "ModuleTitle",
                table: "AssessmentAttempts");
        }
    }
}
