using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Multi3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Identities_Platform_TenantId_UserId",
                table: "Identities");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RefreshLeaseUntil",
                table: "SlackInstallations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChosenAt",
                table: "Identities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CoalitionLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoalitionLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Identities_Platform_TenantId_UserId_ContactId",
                table: "Identities",
                columns: new[] { "Platform", "TenantId", "UserId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoalitionLinks_Platform_TenantId_ConversationId",
                table: "CoalitionLinks",
                columns: new[] { "Platform", "TenantId", "ConversationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoalitionLinks");

            migrationBuilder.DropIndex(
                name: "IX_Identities_Platform_TenantId_UserId_ContactId",
                table: "Identities");

            migrationBuilder.DropColumn(
                name: "RefreshLeaseUntil",
                table: "SlackInstallations");

            migrationBuilder.DropColumn(
                name: "ChosenAt",
                table: "Identities");

            migrationBuilder.CreateIndex(
                name: "IX_Identities_Platform_TenantId_UserId",
                table: "Identities",
                columns: new[] { "Platform", "TenantId", "UserId" },
                unique: true);
        }
    }
}
