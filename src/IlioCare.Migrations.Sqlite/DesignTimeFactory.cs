using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IlioCare.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the web host (which would migrate on start).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IlioCareDbContext>
{
    public IlioCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IlioCareDbContext>()
            .UseSqlite("Data Source=design-time.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
