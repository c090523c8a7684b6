using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reach3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReachRetryAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReachRetryAt",
                table: "Contacts");
        }
    }
}
