// The umbrella module: `import Descent` brings in every Descent library module, as swift-numerics'
// `Numerics` does for its parts.
@_exported import DescentCore
@_exported import DescentNet
@_exported import DescentPlot
