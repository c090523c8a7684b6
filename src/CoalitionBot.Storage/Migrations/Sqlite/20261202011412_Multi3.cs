using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Sqlite
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

            migrationBuilder.AddColumn<long>(
                name: "RefreshLeaseUntil",
                table: "SlackInstallations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChosenAt",
                table: "Identities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CoalitionLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
