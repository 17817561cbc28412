using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.SandboxSmoke
{
    /// <summary>
    /// Usage: LoyaltyHealth.SandboxSmoke.exe &lt;folder with the package's lib/net462 files&gt;
    /// Loads every assembly of the folder (and nothing else of this repository: dependencies resolve from
    /// that folder only, the SDK from beside this program), creates every public IPlugin class as the
    /// platform does, and executes every step each declares. One line per step:
    /// "ok", "refused" (an InvalidPluginExecutionException: the plugin ran and decided) or "LOAD FAILURE"
    /// (a type, method, field or file the runtime could not find). Exit 0 when nothing failed to load.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 1 || !Directory.Exists(args[0]))
            {
                Console.Error.WriteLine("usage: LoyaltyHealth.SandboxSmoke.exe <folder of the plugin package's net462 assemblies>");
                return 2;
            }
            var package = Path.GetFullPath(args[0]);
            AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
            {
                var file = Path.Combine(package, new AssemblyName(e.Name).Name + ".dll");
                return File.Exists(file) ? Assembly.LoadFrom(file) : null;
            };

            var failures = 0;
            var plugins = 0;
            foreach (var file in Directory.GetFiles(package, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                Type[] types;
                try
                {
                    types = Assembly.LoadFrom(file).GetExportedTypes();
                }
                catch (Exception e) when (IsLoadFailure(e))
                {
                    Console.WriteLine($"LOAD FAILURE {Path.GetFileName(file)}: {Describe(e)}");
                    failures++;
                    continue;
                }
                foreach (var type in types.Where(t => t.IsClass && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal))
                {
                    try
                    {
                        // Deciding whether a class is a plugin already loads its fields' types.
                        if (!typeof(IPlugin).IsAssignableFrom(type)) continue;
                    }
                    catch (Exception e) when (IsLoadFailure(e))
                    {
                        Console.WriteLine($"{type.FullName}: LOAD FAILURE {Describe(e)}");
                        failures++;
                        continue;
                    }
                    plugins++;
                    foreach (var outcome in Run(type))
                    {
                        if (outcome.StartsWith("LOAD FAILURE", StringComparison.Ordinal)) failures++;
                        Console.WriteLine($"{type.FullName}: {outcome}");
                    }
                }
            }
            Console.WriteLine($"{plugins} plugin types, {failures} load failures");
            return failures == 0 && plugins > 0 ? 0 : 1;
        }

        /// <summary>Creates the plugin as the platform does, then executes every step it declares; one outcome per step.</summary>
        private static string[] Run(Type type)
        {
            IPlugin plugin;
            object[] steps;
            try
            {
                var constructor = type.GetConstructor(new[] { typeof(string), typeof(string) });
                plugin = (IPlugin)(constructor is not null ? constructor.Invoke(new object?[] { null, null }) : Activator.CreateInstance(type));
                steps = ((IEnumerable)type.GetProperty("Registrations")!.GetValue(plugin, null)!).Cast<object>().ToArray();
            }
            catch (Exception e)
            {
                return new[] { "LOAD FAILURE " + Describe(e) };
            }
            return steps.Select(step => Run(plugin, step)).ToArray();
        }

        private static string Run(IPlugin plugin, object step)
        {
            SmokeContext? context = null;
            try
            {
                context = ContextOf(step);
                plugin.Execute(new EmptyOrganization(context));
                return $"ok ({context.MessageName} of {context.PrimaryEntityName}, stage {context.Stage})";
            }
            catch (Exception e) when (IsLoadFailure(e))
            {
                return "LOAD FAILURE " + Describe(e);
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException && e.InnerException is not null ? e.InnerException : e;
                if (inner is InvalidPluginExecutionException refused && !IsLoadFailure(refused))
                    return $"refused ({context?.MessageName} of {context?.PrimaryEntityName}, stage {context?.Stage}): {refused.Message}";
                return "LOAD FAILURE " + Describe(inner);
            }
        }

        /// <summary>The context of a declared step, read by reflection (the plugin's Registrations) so nothing here depends on the plugin's framework.</summary>
        private static SmokeContext ContextOf(object step)
        {
            object Get(object o, string name) => o.GetType().GetProperty(name)!.GetValue(o, null)!;
            var table = (string?)Get(step, "Table") ?? "none";
            var context = new SmokeContext
            {
                MessageName = (string)Get(step, "Message"),
                PrimaryEntityName = table,
                Stage = Convert.ToInt32(Get(step, "Stage")),
                Mode = Convert.ToInt32(Get(step, "Mode")),
                PrimaryEntityId = Guid.NewGuid(),
            };
            if (table != "none")
            {
                context.InputParameters["Target"] = context.MessageName == "Delete"
                    ? (object)new EntityReference(table, context.PrimaryEntityId)
                    : new Entity(table, context.PrimaryEntityId);
            }
            foreach (var image in (IEnumerable)Get(step, "Images"))
            {
                var images = Convert.ToInt32(Get(image, "Type")) == 0 ? context.PreEntityImages : context.PostEntityImages;
                images[(string)Get(image, "Alias")] = new Entity(table, context.PrimaryEntityId);
            }
            return context;
        }

        private static bool IsLoadFailure(Exception? e)
        {
            for (; e is not null; e = e.InnerException)
            {
                if (e is TypeLoadException or MissingMemberException or FileNotFoundException or FileLoadException or BadImageFormatException or TypeInitializationException)
                    return true;
                if (e is ReflectionTypeLoadException) return true;
            }
            return false;
        }

        private static string Describe(Exception e)
        {
            var deepest = e;
            while (deepest.InnerException is not null) deepest = deepest.InnerException;
            return $"{deepest.GetType().Name}: {deepest.Message}";
        }
    }
}
