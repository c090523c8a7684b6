using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "Deliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredPlatform",
                table: "Contacts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReachCheckedAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnreachableReason",
                table: "Contacts",
                type: "character varying(1000)",
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
