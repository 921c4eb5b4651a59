; Per-user installer of «Рабочее место председателя» (NSIS 3, Unicode).
;
; No administrator rights: installs under %LOCALAPPDATA%\Programs\ChairClient, writes only
; HKCU (the uninstall entry), shortcuts in the user's Start menu and, if chosen, on the
; desktop. Installing over an older version upgrades it in place (its program files are
; replaced; the chair's data live in %LOCALAPPDATA%\Eseur\ChairClient and are not touched).
; The uninstaller keeps those data unless «Удалить также данные» is ticked (silently:
; uninstall.exe /S /DELETEDATA).
;
;   makensis -INPUTCHARSET UTF8 -DBUNDLE_DIR=dist\ChairClient installer\chairclient.nsi
;   chairclient-setup-X.Y.Z.exe /S [/D=C:\path]           silent install (CI)
;
; Defines: BUNDLE_DIR (the PyInstaller folder, default dist/ChairClient), OUTFILE, FAST
; (no compression: the Linux CI only proves the script), SIGN_COMMAND (signing hook: a
; command with %1 for the file, e.g. signtool sign /f cert.pfx /p ... /fd sha256 /tr URL
; /td sha256 "%1"; without it nothing is signed).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST
  SetCompressor zlib
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh

!define APP_ID "ChairClient"
!define APP_NAME "Рабочее место председателя"
!define PUBLISHER "Общероссийский Профсоюз образования"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define DATA_DIR "$LOCALAPPDATA\Eseur\ChairClient"
!define SETTINGS_KEY "Software\Eseur\ChairClient"

; The version has one home: chairclient/version.py.
!searchparse /file "${__FILEDIR__}/../chairclient/version.py" `__version__ = "` VERSION `"`
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "${__FILEDIR__}/../dist/ChairClient"
!endif
!ifndef OUTFILE
  !define OUTFILE "${__FILEDIR__}/../dist/chairclient-setup-${VERSION}.exe"
!endif

; Signing hook: ready, inactive until a certificate is given (SIGN_COMMAND). The installer
; and the uninstaller it writes are signed as they are made; the executables of the bundle
; are signed before (see .github/workflows/windows.yml).
!ifdef SIGN_COMMAND
  !finalize '${SIGN_COMMAND}' = 0
  !uninstfinalize '${SIGN_COMMAND}' = 0
!endif

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1049 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1049 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1049 "FileDescription" "Установка: ${APP_NAME}"
VIAddVersionKey /LANG=1049 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "LegalCopyright" "${PUBLISHER}"

!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\ChairClient.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Запустить программу"
!define MUI_WELCOMEPAGE_TEXT "Программа установит «${APP_NAME}» версии ${VERSION} для вашей учётной записи Windows. Права администратора не нужны.$\r$\n$\r$\nЕсли программа уже установлена, она будет обновлена; ваши данные сохранятся.$\r$\n$\r$\nЗакройте программу перед продолжением."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Russian"

Section "-Программа" SecProgram
  SetOutPath "$INSTDIR"
  ; Upgrade in place: the older version's program files go first, so no stale module of it
  ; is loaded by the new one. The chair's data are elsewhere (DATA_DIR) and stay.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\ChairClient.exe" "" "$INSTDIR\ChairClient.exe" 0 SW_SHOWNORMAL "" "Реестр членов Профсоюза: паспорт организации, члены, согласия, карты ЭПБ, отчёты"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\ChairClient.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Ярлык на рабочем столе" SecDesktop
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\ChairClient.exe"
SectionEnd

Section "-un.Программа" UnSecProgram
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ChairClient.exe"
  Delete "$INSTDIR\chairclient-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; Off unless ticked (or /DELETEDATA): the local database holds changes that may not have
; reached the registry yet.
Section /o "un.Удалить также данные председателя (база данных, настройки)" UnSecData
  RMDir /r "${DATA_DIR}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd

Function un.onInit
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
