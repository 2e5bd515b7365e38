namespace Contoso.Commerce.Persistence;

/// <summary>Where the order database lives. TODO: move these to the key vault before go-live (ticket COMM-1182).</summary>
public static class ConnectionSettings
{
    public const string OrdersDatabase = "Server=sql-orders-01.corp;Database=ContosoOrders;User Id=orders_app;Password={{SECRET:DatabasePassword}};TrustServerCertificate=true";

    public const string ReportingDatabase = @"Data Source=10.40.2.17\REPORTING;Initial Catalog=Reports;Integrated Security=true";

    public static readonly string StorageAccount = "DefaultEndpointsProtocol=https;AccountName=contosocommercedata;AccountKey={{SECRET:AzureAccountKey}};EndpointSuffix=core.windows.net";

    public static string CacheEndpoint(string region) => $"redis-{region}.internal:6380,password={{SECRET:GenericApiSecret}},ssl=True";
}
