; Windows installer for chibo-desktop, fed by the PyInstaller folder (see installer/build.py).
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=..\dist\chibo installer\chibo.nsi
; Installs for the current user (no administrator needed on an office PC) into
; %LOCALAPPDATA%\Programs\chibo-desktop. The data lives apart, in %LOCALAPPDATA%\chibo-desktop: the uninstaller
; keeps it unless the user says otherwise.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\chibo"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\dist\chibo-desktop-${VERSION}-setup.exe"
!endif

!define APP "chibo-desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "Hồ sơ chi bộ (chibo-desktop) ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define MUI_ABORTWARNING
!define MUI_ICON "..\resources\icons\chibo.ico"
!define MUI_UNICON "..\resources\icons\chibo.ico"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\chibo.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_VIETNAMESE} "Hồ sơ chi bộ"
LangString ShortcutName ${LANG_ENGLISH} "Branch records (chibo-desktop)"
LangString DeleteData ${LANG_VIETNAMESE} "Xóa luôn dữ liệu của chi bộ (đảng viên, biên bản, quỹ, các bản sao lưu) trong $LOCALAPPDATA\${APP}?$\r$\n$\r$\nChọn Không để giữ lại dữ liệu (nên chọn, trừ khi đã sao lưu ra nơi khác)."
LangString DeleteData ${LANG_ENGLISH} "Also delete the branch's data (members, minutes, funds, backups) in $LOCALAPPDATA\${APP}?$\r$\n$\r$\nChoose No to keep it (recommended unless it is backed up elsewhere)."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\$(ShortcutName)"
  CreateShortcut "$SMPROGRAMS\$(ShortcutName)\$(ShortcutName).lnk" "$INSTDIR\chibo.exe"
  CreateShortcut "$SMPROGRAMS\$(ShortcutName)\Uninstall.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\chibo.exe"
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\${APP}" "ShortcutName" "$(ShortcutName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Hồ sơ chi bộ (chibo-desktop)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\chibo.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "chibo-desktop"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ReadRegStr $0 HKCU "Software\${APP}" "ShortcutName"
  Delete "$DESKTOP\$0.lnk"
  RMDir /r "$SMPROGRAMS\$0"
  RMDir /r "$INSTDIR"
  ; The data is kept unless the user asks; a silent uninstall (/S) always keeps it.
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(DeleteData)" /SD IDNO IDNO keep_data
    RMDir /r "$LOCALAPPDATA\${APP}"
  keep_data:
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
SectionEnd
