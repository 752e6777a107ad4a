// The parser's fuzz target. Built with libFuzzer (scripts/fuzz.sh: -sanitize=fuzzer,address
// -D FUZZING) it explores inputs; built normally it replays the files given as arguments, so a
// crash found by the fuzzer can be reproduced and kept as a regression test.
import Foundation
import ReportParser

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let parser = ReportParser()
    // The same bytes as a text and as an HTML report: two different readers.
    _ = parser.parse(bytes, source: "reports/fuzz.txt")
    _ = parser.parse(bytes, source: "reports/fuzz.html")
    return 0
}

#if FUZZING
// SwiftPM links an executable's entry point under the name `<module>_main`; here it hands
// control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("fuzz_parser_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzParser)
}
#else
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            var bytes = [UInt8](data)
            bytes.append(0)  // a valid pointer even for an empty file
            _ = fuzzParser(bytes, data.count)
            print("ok \(path)")
        }
    }
}
#endif
