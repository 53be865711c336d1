import Literate
print("swiftbook")
