"""Windows sized to the screen they open on. The office PC's screen is often 1366×768, and the taskbar takes
40 pixels of that: a window asks for the size it would like, and gets at most what is there."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Room for what the window system draws around a window (title bar and borders, as on Windows 10 at 100 %),
# which Qt's size of a window does not include.
FRAME = QSize(16, 32)


def screen_of(window: QWidget) -> QScreen:
    parent = window.parentWidget()
    screen = parent.window().screen() if parent is not None else window.screen()
    return screen or QGuiApplication.primaryScreen()


def room(window: QWidget) -> QSize:
    """The largest size *window* can have and still show whole, title bar included, on its screen."""
    available = screen_of(window).availableGeometry().size()
    return QSize(available.width() - FRAME.width(), available.height() - FRAME.height())


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize *window* to *width* × *height*, or less where the screen is smaller; a window of its own (no
    parent) is also centred on the free part of the screen, so its bottom is not under the taskbar."""
    most = room(window)
    window.resize(min(width, most.width()), min(height, most.height()))
    if window.parentWidget() is None:
        free = screen_of(window).availableGeometry()
        window.move(  # where the frame goes: the title bar is above the window's own area
            free.x() + max(0, (free.width() - window.width() - FRAME.width()) // 2),
            free.y() + max(0, (free.height() - window.height() - FRAME.height()) // 2),
        )


def widen_to(window: QWidget, width: int) -> None:
    """Widen a window already shown to *width* (at most the screen's), moved left as needed to stay whole on it."""
    if width <= window.width():
        return
    free = screen_of(window).availableGeometry()
    window.resize(min(width, room(window).width()), window.height())
    right = window.x() + window.width() + FRAME.width()
    if right > free.x() + free.width():
        window.move(max(free.x(), free.x() + free.width() - window.width() - FRAME.width()), window.y())


def scrolling(page: QWidget) -> QScrollArea:
    """*page* inside an area that scrolls when the window is shorter than the page (a long form on a small
    screen), and otherwise fills it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
