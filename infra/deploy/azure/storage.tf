# The storage account for Orleans grain storage (grains that keep plain state beside the event-sourced aggregates,
# whose history stays in PostgreSQL), through Orleans' AzureBlobGrainStorage, and, with cluster_membership =
# AzureTable, for the membership table. Its connection string reaches every app as GrainStorage__AzureConnectionString
# and Orleans__AzureTableConnectionString.
resource "azurerm_storage_account" "grains" {
  name                            = "${var.name_prefix}grains"
  location                        = azurerm_resource_group.main.location
  resource_group_name             = azurerm_resource_group.main.name
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = var.tags
}
