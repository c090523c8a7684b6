using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CampaignCorrectness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LateAfterClosing",
                table: "SignOns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "AuditEvents",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LateAfterClosing",
                table: "SignOns");

            migrationBuilder.DropColumn(
                name: "Via",
                table: "AuditEvents");
        }
    }
}
