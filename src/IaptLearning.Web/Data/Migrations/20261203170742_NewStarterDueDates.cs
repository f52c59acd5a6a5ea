using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaptLearning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NewStarterDueDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NewStarterJoinedAtUtc",
                table: "ModuleRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NewStarterDays",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 28);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NewStarterJoinedAtUtc",
                table: "ModuleRecords");

            migrationBuilder.DropColumn(
                name: "NewStarterDays",
                table: "Assignments");
        }
    }
}
