using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LateAfterClosing",
                table: "SignOns",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

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

            migrationBuilder.AddColumn<string>(
                name: "IpAddress",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DashboardLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DashboardSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LinkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FallbackExpiry = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterPlaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlaceId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Change = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadChange = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterPlaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    UserPrincipalName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
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
                name: "IX_DashboardLinks_TokenHash",
                table: "DashboardLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DashboardSessions_LinkId",
                table: "DashboardSessions",
                column: "LinkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DashboardSessions_TokenHash",
                table: "DashboardSessions",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalLinks_MemoId_ContactId",
                table: "PersonalLinks",
                columns: new[] { "MemoId", "ContactId" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalLinks_TokenHash",
                table: "PersonalLinks",
                column: "TokenHash",
                unique: true);

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
                name: "DashboardLinks");

            migrationBuilder.DropTable(
                name: "DashboardSessions");

            migrationBuilder.DropTable(
                name: "PersonalLinks");

            migrationBuilder.DropTable(
                name: "RosterMembers");

            migrationBuilder.DropTable(
                name: "RosterPlaces");

            migrationBuilder.DropColumn(
                name: "LateAfterClosing",
                table: "SignOns");

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

            migrationBuilder.DropColumn(
                name: "IpAddress",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Via",
                table: "AuditEvents");
        }
    }
}
