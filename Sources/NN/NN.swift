// Cells and users write `import NN` and get the tensors too.
@_exported import Autograd
// Misuse messages (`require`) come from Autograd, through `package` access.
