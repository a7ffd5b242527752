using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomPlan.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MinistryEditedFields",
                table: "Indicators",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Indicators",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "catalogue");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "DataElements",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "catalogue");

            migrationBuilder.CreateTable(
                name: "IndicatorProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ProposedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PeriodType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Numerator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Denominator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Factor = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Rollup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RollupCondition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Concept = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
