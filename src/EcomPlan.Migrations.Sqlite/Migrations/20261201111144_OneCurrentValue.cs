using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneCurrentValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DataValues_Code_UnitCode_Period_IsCurrent",
                table: "DataValues");

            migrationBuilder.CreateIndex(
                name: "IX_DataValues_CurrentByStatus",
                table: "DataValues",
                columns: new[] { "Code", "Status", "IsIllustrative" },
                filter: "\"IsCurrent\"");

            migrationBuilder.CreateIndex(
                name: "IX_DataValues_OneCurrent",
                table: "DataValues",
                columns: new[] { "Code", "UnitCode", "Period", "IsIllustrative" },
                unique: true,
                filter: "\"IsCurrent\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DataValues_CurrentByStatus",
                table: "DataValues");

            migrationBuilder.DropIndex(
                name: "IX_DataValues_OneCurrent",
                table: "DataValues");

            migrationBuilder.CreateIndex(
                name: "IX_DataValues_Code_UnitCode_Period_IsCurrent",
                table: "DataValues",
                columns: new[] { "Code", "UnitCode", "Period", "IsCurrent" });
        }
    }
}
