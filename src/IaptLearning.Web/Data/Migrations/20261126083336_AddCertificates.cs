using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaptLearning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Series = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VerificationUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ModuleCompletionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ModuleSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ModuleVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LearnerName = table.Column<string>(type: "TEXT", nullable: false),
                    JobRole = table.Column<string>(type: "TEXT", nullable: false),
                    ModuleTitle = table.Column<string>(type: "TEXT", nullable: false),
                    LearningOutcomes = table.Column<string>(type: "TEXT", nullable: false),
                    CpdMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ScorePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuerName = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Certificates_ModuleCompletions_ModuleCompletionId",
                        column: x => x.ModuleCompletionId,
                        principalTable: "ModuleCompletions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CpdReflections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ModuleCompletionId = table.Column<long>(type: "INTEGER", nullable: false),
                    WhatILearned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HowItWillChangeMyPractice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CpdReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CpdReflections_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CpdReflections_ModuleCompletions_ModuleCompletionId",
                        column: x => x.ModuleCompletionId,
                        principalTable: "ModuleCompletions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ModuleCompletionId",
                table: "Certificates",
                column: "ModuleCompletionId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Series_Sequence",
                table: "Certificates",
                columns: new[] { "Series", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId_ModuleSlug_ModuleVersion",
                table: "Certificates",
                columns: new[] { "UserId", "ModuleSlug", "ModuleVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationCode",
                table: "Certificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CpdReflections_ModuleCompletionId",
                table: "CpdReflections",
                column: "ModuleCompletionId");

            migrationBuilder.CreateIndex(
                name: "IX_CpdReflections_UserId_ModuleCompletionId",
                table: "CpdReflections",
                columns: new[] { "UserId", "ModuleCompletionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "CpdReflections");
        }
    }
}
