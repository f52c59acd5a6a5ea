using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaptLearning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenewalSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModuleCompletions_AttemptId",
                table: "ModuleCompletions");

            migrationBuilder.DropIndex(
                name: "IX_ModuleCompletions_UserId_ModuleSlug_ModuleVersion",
                table: "ModuleCompletions");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ModuleCompletionId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_UserId_ModuleSlug_ModuleVersion",
                table: "Certificates");

            migrationBuilder.AddColumn<int>(
                name: "RenewalNumber",
                table: "ModuleCompletions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleCompletions_AttemptId",
                table: "ModuleCompletions",
                column: "AttemptId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleCompletions_UserId_ModuleSlug_ModuleVersion_RenewalNumber",
                table: "ModuleCompletions",
                columns: new[] { "UserId", "ModuleSlug", "ModuleVersion", "RenewalNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ModuleCompletionId",
                table: "Certificates",
                column: "ModuleCompletionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId_ModuleSlug",
                table: "Certificates",
                columns: new[] { "UserId", "ModuleSlug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModuleCompletions_AttemptId",
                table: "ModuleCompletions");

            migrationBuilder.DropIndex(
                name: "IX_ModuleCompletions_UserId_ModuleSlug_ModuleVersion_RenewalNumber",
                table: "ModuleCompletions");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ModuleCompletionId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_UserId_ModuleSlug",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RenewalNumber",
                table: "ModuleCompletions");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleCompletions_AttemptId",
                table: "ModuleCompletions",
                column: "AttemptId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleCompletions_UserId_ModuleSlug_ModuleVersion",
                table: "ModuleCompletions",
                columns: new[] { "UserId", "ModuleSlug", "ModuleVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ModuleCompletionId",
                table: "Certificates",
                column: "ModuleCompletionId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId_ModuleSlug_ModuleVersion",
                table: "Certificates",
                columns: new[] { "UserId", "ModuleSlug", "ModuleVersion" },
                unique: true);
        }
    }
}
