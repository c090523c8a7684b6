using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RouteFailure",
                table: "Identities",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredPlatform",
                table: "Contacts",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReachCheckedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnreachableReason",
                table: "Contacts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RouteFailure",
                table: "Identities");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "PreferredPlatform",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ReachCheckedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "UnreachableReason",
                table: "Contacts");
        }
    }
}
