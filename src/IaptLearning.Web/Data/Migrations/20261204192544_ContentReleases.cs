using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaptLearning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContentReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentReleases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModuleSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServedFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OutlineJson = table.Column<string>(type: "TEXT", nullable: false),
                    ModelJson = table.Column<string>(type: "TEXT", nullable: false),
                    AcknowledgedWarningsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentReleaseFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentReleaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentReleaseFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentReleaseFiles_ContentReleases_ContentReleaseId",
                        column: x => x.ContentReleaseId,
                        principalTable: "ContentReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReleaseFiles_ContentReleaseId_Path",
                table: "ContentReleaseFiles",
                columns: new[] { "ContentReleaseId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentReleases_ModuleSlug_ServedFromUtc",
                table: "ContentReleases",
                columns: new[] { "ModuleSlug", "ServedFromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReleases_ModuleSlug_Version",
                table: "ContentReleases",
                columns: new[] { "ModuleSlug", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentReleaseFiles");

            migrationBuilder.DropTable(
                name: "ContentReleases");
        }
    }
}
