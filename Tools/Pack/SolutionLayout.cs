namespace LoyaltyHealth.Pack
{
    /// <summary>Where things live in the unpacked source (the layout of <c>pac solution unpack</c>) and in the packed zip.</summary>
    public static class SolutionLayout
    {
        public const string SolutionFile = "Other/Solution.xml";
        public const string CustomizationsFile = "Other/Customizations.xml";
        public const string RelationshipsIndex = "Other/Relationships.xml";
        public const string RelationshipsFolder = "Other/Relationships";
        public const string Entities = "Entities";
        public const string EntityFile = "Entity.xml";
        public const string Forms = "FormXml";
        public const string Views = "SavedQueries";
        public const string Charts = "Visualizations";
        /// <summary>System dashboards (forms of type 0), one file per dashboard named after its FormId; they go to customizations.xml's &lt;Dashboards&gt;.</summary>
        public const string Dashboards = "Dashboards";
        public const string OptionSets = "OptionSets";
        public const string Roles = "Roles";
        public const string PluginAssemblies = "PluginAssemblies";
        public const string AssemblyDataSuffix = ".dll.data.xml";
        public const string Steps = "SdkMessageProcessingSteps";
        public const string PluginPackages = "pluginpackages";
        public const string PluginPackageFile = "pluginpackage.xml";
        public const string EnvironmentVariables = "environmentvariabledefinitions";
        public const string EnvironmentVariableFile = "environmentvariabledefinition.xml";
        public const string CustomApis = "customapis";
        public const string CustomApiFile = "customapi.xml";
        public const string RequestParameters = "customapirequestparameters";
        public const string RequestParameterFile = "customapirequestparameter.xml";
        public const string ResponseProperties = "customapiresponseproperties";
        public const string ResponsePropertyFile = "customapiresponseproperty.xml";
        public const string Controls = "Controls";
        /// <summary>The control's customizations.xml entry, the one source file of a code component's folder.</summary>
        public const string ControlDataFile = "ControlManifest.xml.data.xml";
        public const string ControlManifestFile = "ControlManifest.xml";
        /// <summary>Cloud flows: &lt;Name&gt;-&lt;GUID&gt;.json (the definition) and .json.data.xml (the Workflow record), as current exports store them.</summary>
        public const string Workflows = "Workflows";
        public const string WorkflowDataSuffix = ".json.data.xml";
        public const string Catalogs = "catalogs";
        public const string CatalogFile = "catalog.xml";
        public const string CatalogAssignmentsFile = "Assets/catalogassignments.xml";
        /// <summary>Documentation beside the source; never packed.</summary>
        public const string Readme = "README.md";

        public const string PackedSolution = "solution.xml";
        public const string PackedCustomizations = "customizations.xml";
        public const string ContentTypes = "[Content_Types].xml";
        /// <summary>Inside a plugin package folder, where the .nupkg goes (as <c>pac solution unpack</c> lays it out).</summary>
        public const string PackageSubfolder = "package";
    }
}
