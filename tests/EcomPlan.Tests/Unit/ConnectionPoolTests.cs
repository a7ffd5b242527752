using EcomPlan.Web.Data;
using Npgsql;

namespace EcomPlan.Tests.Unit;

/// <summary>The app never takes all of PostgreSQL's connections (issue 12).</summary>
public class ConnectionPoolTests
{
    private static int PoolOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;

    [Fact]
    public void The_pool_is_bounded_by_default_below_the_servers_limit()
    {
        var bounded = DatabaseSetup.BoundedPool("Host=127.0.0.1;Port=55432;Database=ecomplan;Username=ecomplan", null);
        Assert.Equal(DatabaseSetup.DefaultMaxPoolSize, PoolOf(bounded));
        Assert.True(DatabaseSetup.DefaultMaxPoolSize < 100 / 2, "leave most of max_connections (100) to psql, backups and a second instance");
        Assert.Equal("ecomplan", new NpgsqlConnectionStringBuilder(bounded).Database);
    }

    [Fact]
    public void Configuration_and_the_connection_string_can_choose_another_size()
    {
        Assert.Equal(12, PoolOf(DatabaseSetup.BoundedPool("Host=h;Database=d", 12)));
        Assert.Equal(7, PoolOf(DatabaseSetup.BoundedPool("Host=h;Database=d;Maximum Pool Size=7", 12)));
        Assert.Equal(DatabaseSetup.DefaultMaxPoolSize, PoolOf(DatabaseSetup.BoundedPool("Host=h;Database=d", 0)));
    }
}
