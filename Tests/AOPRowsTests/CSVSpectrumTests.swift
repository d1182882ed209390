import AOPTestSupport
import Foundation
import Testing

@testable import AOPRows

/// The csv-spectrum cases (quotes, escaped quotes, newlines in fields, empty fields, UTF-8, CRLF),
/// written here from their published expectations: each input must give exactly these fields.
@Suite struct CSVSpectrumTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var rows: [[String]]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "comma_in_quotes", text: "first,last,address,city,zip\nJohn,Doe,120 any st.,\"Anytown, WW\",08123\n",
      rows: [["first", "last", "address", "city", "zip"], ["John", "Doe", "120 any st.", "Anytown, WW", "08123"]]),
    Case(
      name: "empty", text: "a,b,c\n1,\"\",\"\"\n2,3,4\n", rows: [["a", "b", "c"], ["1", "", ""], ["2", "3", "4"]]),
    Case(
      name: "empty_crlf", text: "a,b,c\r\n1,\"\",\"\"\r\n2,3,4\r\n",
      rows: [["a", "b", "c"], ["1", "", ""], ["2", "3", "4"]]),
    Case(
      name: "escaped_quotes", text: "a,b\n1,\"ha \"\"ha\"\" ha\"\n3,4\n",
      rows: [["a", "b"], ["1", "ha \"ha\" ha"], ["3", "4"]]),
    Case(
      name: "json", text: "key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [102.0, 0.5]}\"\n",
      rows: [["key", "val"], ["1", "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}"]]),
    Case(
      name: "newlines", text: "a,b,c\n1,2,3\n\"Once upon \na time\",5,6\n7,8,9\n",
      rows: [["a", "b", "c"], ["1", "2", "3"], ["Once upon \na time", "5", "6"], ["7", "8", "9"]]),
    Case(
      name: "newlines_crlf", text: "a,b,c\r\n1,2,3\r\n\"Once upon \r\na time\",5,6\r\n7,8,9\r\n",
      rows: [["a", "b", "c"], ["1", "2", "3"], ["Once upon \r\na time", "5", "6"], ["7", "8", "9"]]),
    Case(
      name: "quotes_and_newlines", text: "a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n",
      rows: [["a", "b"], ["1", "ha \n\"ha\" \nha"], ["3", "4"]]),
    Case(name: "simple", text: "a,b,c\n1,2,3\n", rows: [["a", "b", "c"], ["1", "2", "3"]]),
    Case(name: "simple_crlf", text: "a,b,c\r\n1,2,3\r\n", rows: [["a", "b", "c"], ["1", "2", "3"]]),
    Case(name: "utf8", text: "a,b,c\n1,2,3\n4,5,ʤ\n", rows: [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "ʤ"]]),
    Case(
      name: "location_coordinates", text: "Location,Coordinates\nRichmond,\"(37.5,-77.4)\"\n",
      rows: [["Location", "Coordinates"], ["Richmond", "(37.5,-77.4)"]]),
  ]

  @Test(arguments: cases)
  func spectrum(_ c: Case) throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("\(c.name).csv", c.text)
    var rows: [[String]] = []
    try CSVReader(path: path, options: CSVOptions(delimiter: UInt8(ascii: ","))).read { event in
      if case .record(let r) = event { rows.append(r.fields) }
    }
    #expect(rows == c.rows)
  }
}
