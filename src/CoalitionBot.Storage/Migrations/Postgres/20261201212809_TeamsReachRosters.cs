using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeamsReachRosters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RosterPlaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlaceId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BotId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Change = table.Column<long>(type: "bigint", nullable: false),
                    ReadChange = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterPlaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UserId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Email = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    UserPrincipalName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Role = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterMembers_RosterPlaces_PlaceEntryId",
                        column: x => x.PlaceEntryId,
                        principalTable: "RosterPlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_Email",
                table: "RosterMembers",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_PlaceEntryId_MemberId",
                table: "RosterMembers",
                columns: new[] { "PlaceEntryId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_UserId",
                table: "RosterMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_UserPrincipalName",
                table: "RosterMembers",
                column: "UserPrincipalName");

            migrationBuilder.CreateIndex(
                name: "IX_RosterPlaces_Platform_Active",
                table: "RosterPlaces",
                columns: new[] { "Platform", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterPlaces_Platform_PlaceId",
                table: "RosterPlaces",
                columns: new[] { "Platform", "PlaceId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RosterMembers");

            migrationBuilder.DropTable(
                name: "RosterPlaces");
        }
    }
}
