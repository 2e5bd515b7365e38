using System;
using System.Collections.Generic;
using System.Linq;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Invoicing;

public enum DunningLevel
{
    None,
    Reminder,
    FirstNotice,
    FinalNotice,
    Collection,
}

/// <summary>Decides which overdue invoices get which reminder. Runs nightly from the reporting job.</summary>
public sealed class DunningService
{
    public static DunningLevel LevelFor(Invoice invoice, DateOnly today)
    {
        if (!invoice.IsOverdue(today))
        {
            return DunningLevel.None;
        }

        var daysOverdue = today.DayNumber - invoice.DueOn.DayNumber;
        return daysOverdue switch
        {
            < 7 => DunningLevel.Reminder,
            < 21 => DunningLevel.FirstNotice,
            < 45 => DunningLevel.FinalNotice,
            _ => DunningLevel.Collection,
        };
    }

    public IEnumerable<(Invoice Invoice, DunningLevel Level)> Due(IEnumerable<Invoice> invoices, DateOnly today) =>
        from invoice in invoices
        let level = LevelFor(invoice, today)
        where level != DunningLevel.None
        orderby level descending, invoice.DueOn
        select (invoice, level);
}
