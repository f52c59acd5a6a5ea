using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaptLearning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JobRole",
                table: "ModuleRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TeamId",
                table: "ModuleRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleRecords_Dashboard",
                table: "ModuleRecords",
                columns: new[] { "TeamId", "JobRole", "ModuleSlug", "CompletedAtUtc", "ExpiresAtUtc", "DueAtUtc", "StartedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModuleRecords_Dashboard",
                table: "ModuleRecords");

            migrationBuilder.DropColumn(
                name: "JobRole",
                table: "ModuleRecords");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "ModuleRecords");
        }
    }
}
