using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IlioCare.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server or the web host (adding a migration never connects).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IlioCareDbContext>
{
    public IlioCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IlioCareDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=iliocare_design", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
