using System.Text.Json;
using Typed.Generators.Parsing;

namespace Typed.Generators.Tests;

/// <summary>
/// The application's own types appear in the TypeScript declarations shaped as their JSON:
/// the serializer context's naming policy, <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>,
/// <c>[JsonInclude]</c>, base types, nesting and types that contain themselves.
/// </summary>
public sealed class TypeScriptDeclarationTests
{
    [Fact]
    public void Custom_types_are_declared_with_their_json_names()
    {
        var generated = GeneratorHarness.Generate("""
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using System.Threading.Tasks;
            using Typed.Events;
            namespace Shop;
            public class Entity { public string Id { get; set; } = ""; }
            public sealed class Order : Entity
            {
                public List<Line> Lines { get; set; } = new();
                [JsonPropertyName("total_price")] public decimal TotalPrice { get; set; }
                [JsonIgnore] public string Secret { get; set; } = "";
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; set; }
                [JsonInclude] internal int Revision = 1;
                public Order? Previous { get; set; }
                public static int Ignored { get; set; }
                public sealed record Line(string SKU, int Count);
            }
            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(Order))]
            internal sealed partial class ShopJson : JsonSerializerContext;
            [Events(JsonContext = typeof(ShopJson))]
            public interface IShop
            {
                Task<Order?> Find(string id);
                void Placed(Dictionary<string, Order[]> orders);
            }
            """,
            GeneratorHarness.SerializerContextBody("Shop", "ShopJson"));

        Snapshot.Match(Assert.Single(generated).Value, "CustomTypesInTypeScript", "cs");
    }

    public static TheoryData<string> Names() =>
        ["Name", "name", "URL", "URLValue", "IOStream", "ID", "Id", "X", "XMLHttpRequest", "Order2Items", "already_snake", "With Space", "ABC DEF", "Ünïcode", "A1B2", "_private", "HTMLFile"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Naming_policies_agree_with_System_Text_Json(string name)
    {
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), JsonNaming.ToCamelCase(name));
        Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(name), JsonNaming.Separated(name, '_', lowercase: true));
        Assert.Equal(JsonNamingPolicy.SnakeCaseUpper.ConvertName(name), JsonNaming.Separated(name, '_', lowercase: false));
        Assert.Equal(JsonNamingPolicy.KebabCaseLower.ConvertName(name), JsonNaming.Separated(name, '-', lowercase: true));
        Assert.Equal(JsonNamingPolicy.KebabCaseUpper.ConvertName(name), JsonNaming.Separated(name, '-', lowercase: false));
    }
}
