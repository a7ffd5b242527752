using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditWithoutSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data only (the one hand-written line of this generated migration): entries of Identity's user tokens held
            // the authenticator key and recovery codes in clear text. The audit interceptor now hides them; these go.
            migrationBuilder.Sql("DELETE FROM \"AuditEntries\" WHERE \"EntityType\" = 'IdentityUserToken`1';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
