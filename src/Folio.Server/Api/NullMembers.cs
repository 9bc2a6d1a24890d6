using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace Folio.Api;

/// <summary>
/// A list in a request body never holds null: <c>{"domains":[null]}</c> is refused by name ("domains[0]"), the way a null
/// property already is. The serializer checks the nullability of properties but not of list members, hence this check,
/// made once as each object of a body is read.
/// </summary>
public static class NullMembers
{
    public static void Refuse(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = info.Properties.Where(IsList).ToArray();
        if (lists.Length == 0)
        {
            return;
        }

        var next = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            foreach (var list in lists)
            {
                if (list.Get?.Invoke(value) is IEnumerable members)
                {
                    var index = 0;
                    foreach (var member in members)
                    {
                        if (member is null)
                        {
                            throw new RefusedInput("null_member", "is null: lists hold no null members.", $"{list.Name}[{index}]");
                        }

                        index++;
                    }
                }
            }

            next?.Invoke(value);
        };
    }

    private static bool IsList(JsonPropertyInfo property) =>
        property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
}
