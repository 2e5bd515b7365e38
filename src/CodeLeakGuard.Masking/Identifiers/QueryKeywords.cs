using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Masking.Identifiers;

/// <summary>
/// SQL's keywords as queries write them, in capitals (<c>SELECT</c>, <c>HAVING</c>, <c>NVARCHAR</c>): in inline code
/// (<c>`SELECT Total FROM dbo.Orders`</c>) a capitalised word reads as a name, and these would have been masked, while
/// a fenced query keeps them. Up to five letters they are kept as acronyms anyway; these are the longer ones.
/// </summary>
internal static class QueryKeywords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "SELECT", "INSERT", "UPDATE", "DELETE", "VALUES", "HAVING", "DISTINCT", "BETWEEN", "EXISTS", "CREATE", "COLUMN",
        "PRIMARY", "FOREIGN", "REFERENCES", "CONSTRAINT", "DEFAULT", "VARCHAR", "NVARCHAR", "INTEGER", "DATETIME",
        "DATETIME2", "DECIMAL", "NUMERIC", "BIGINT", "SMALLINT", "TINYINT", "BOOLEAN", "ROLLBACK", "COMMIT", "RETURN",
        "RETURNS", "RETURNING", "EXECUTE", "DECLARE", "CURSOR", "TRIGGER", "PROCEDURE", "FUNCTION", "UNIQUE", "OFFSET",
        "MATCHED", "COALESCE", "ISNULL", "NOLOCK", "OUTPUT", "INSERTED", "DELETED", "PARTITION", "CASCADE", "SCHEMA",
        "DATABASE", "EXCEPT", "INTERSECT", "RECURSIVE", "LATERAL", "NULLIF", "EXPLAIN", "ANALYZE", "VACUUM", "TRUNCATE",
        "NOCOUNT", "IDENTITY", "UNIQUEIDENTIFIER", "NEWID", "GETDATE", "GETUTCDATE", "CURRENT_TIMESTAMP", "ASCENDING",
        "DESCENDING", "WITHOUT", "INTERVAL", "SEQUENCE", "TRANSACTION", "ISOLATION", "SERIALIZABLE", "ROWVERSION",
    };

    public static bool Contains(string text, int start, int end) => end - start > 5 && Words.Contains(text.Substring(start, end - start));
}
