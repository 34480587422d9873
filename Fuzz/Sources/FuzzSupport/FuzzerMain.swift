/// libFuzzer's driver, for the entry point SwiftPM gives an executable target.
///
/// SwiftPM links every executable with `--defsym main=<Module>_main`, so libFuzzer's own `main`
/// is never used; each harness defines `<Module>_main` with `@_cdecl` and calls this, which hands
/// the command line and the harness's `LLVMFuzzerTestOneInput` to `LLVMFuzzerRunDriver` (the
/// entry libFuzzer provides for programs with a `main` of their own).
public func fuzzerMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return llvmFuzzerRunDriver(&count, &arguments, testOneInput)
}

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
