using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaptLearning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordsExemptionsAndResets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MinTimeExemptUntilUtc",
                table: "ModuleRecords",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MinTimeExemptUntilUtc",
                table: "ModuleRecords");
        }
    }
}
