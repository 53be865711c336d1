/// Puts back the author's names in a compiler message about the generated program, so no
/// message mentions a name the author did not write: `net·2` is `net`, `MLP·3.MLP` is `MLP`
/// (see `DeclarationTable` for the spellings), and `__show(…)`, the display wrapper, is never
/// in a message because the executor plans a cell that does not compile again without it.
func authorsNames(in message: String) -> String {
    guard message.contains("·") else { return message }
    let characters = Array(message)
    var result = ""
    var index = 0
    while index < characters.count {
        guard characters[index] == "·" else {
            result.append(characters[index])
            index += 1
            continue
        }
        // The name before `·` is already in `result`; skip the cell number after it.
        var end = index + 1
        while end < characters.count, characters[end].isNumber { end += 1 }
        guard end > index + 1 else {
            result.append(characters[index])
            index += 1
            continue
        }
        // A namespaced type, `MLP·3.MLP`: drop `.MLP` too.
        let name = String(result.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        let member = Array("." + name)
        if !name.isEmpty, end + member.count <= characters.count, Array(characters[end..<(end + member.count)]) == member {
            end += member.count
        }
        index = end
    }
    return result
}
