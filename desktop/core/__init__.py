"""Qt-free core shared by the consoles and the relay: the board, call outcomes, relay names."""
