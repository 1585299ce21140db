"""Global hotkeys: keys that work while another application has the focus (no Qt).

Only the platform's own hot-key registration is used (the desktop portal, X11 key
grabs, ``RegisterHotKey``, Carbon hot keys), never a keyboard-wide hook.
"""
