import Testing
@testable import NN
@Test func placeholder() { #expect(Bool(true)) }
