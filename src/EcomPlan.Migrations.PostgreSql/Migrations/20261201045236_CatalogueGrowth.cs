using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EcomPlan.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueGrowth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Concept",
                table: "Indicators",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MinistryEditedFields",
                table: "Indicators",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Indicators",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "catalogue");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "DataElements",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "catalogue");

            migrationBuilder.CreateTable(
                name: "IndicatorProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ProposedBy = table.Column<int>(type: "integer", nullable: true),
                    ProposedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameVi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Unit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PeriodType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Numerator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Denominator = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Factor = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Rollup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RollupCondition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Concept = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<int>(type: "integer", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IndicatorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorProposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorProposals_ProvinceCode_Status",
                table: "IndicatorProposals",
                columns: new[] { "ProvinceCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorProposals");

            migrationBuilder.DropColumn(
                name: "Concept",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "MinistryEditedFields",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "DataElements");
        }
    }
}
