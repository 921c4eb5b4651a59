"""Background synchronisation with the registry: controller, status indicator, dialogs."""
