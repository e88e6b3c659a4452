using System.Reflection;
using LearningOrg.Api.Web.Pages;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.AspNetCore.Components;

namespace LearningOrg.Tests.Web;

/// <summary>Pages and components read through the query classes of the read models, never the store itself.</summary>
public sealed class PageDependencyTests
{
    private static readonly Type[] StoreAccess = [typeof(IDocumentStore), typeof(IQuerySession), typeof(IDocumentSession), typeof(EventReader), typeof(EventJournal)];

    /// <summary>Every Razor page, layout and component the web app declares.</summary>
    private static readonly Type[] Components =
        [.. typeof(InitiativePage).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(IComponent).IsAssignableFrom(t))];

    [Fact]
    public void No_page_or_component_injects_the_document_store_a_session_or_the_event_store()
    {
        var offenders = Components
            .SelectMany(c => Injected(c).Select(p => (Component: c, Property: p)))
            .Where(x => StoreAccess.Any(store => store.IsAssignableFrom(x.Property.PropertyType)))
            .Select(x => $"{x.Component.Name} injects {x.Property.PropertyType.Name} {x.Property.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>The check above finds injections at all: the pages that read streams get their query classes.</summary>
    [Fact]
    public void The_check_sees_what_pages_inject()
    {
        Assert.Contains(typeof(InitiativePage), Components);
        Assert.Contains(typeof(InitiativeQueries), Injected(typeof(InitiativePage)).Select(p => p.PropertyType));
        Assert.Contains(typeof(SchoolReplayQueries), Injected(typeof(SchoolReplay)).Select(p => p.PropertyType));
    }

    /// <summary>The properties a component has the container set, its own and its base classes'.</summary>
    private static IEnumerable<PropertyInfo> Injected(Type component)
    {
        for (var type = component; type is not null; type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.IsDefined(typeof(InjectAttribute), inherit: false))
                {
                    yield return property;
                }
            }
        }
    }
}
