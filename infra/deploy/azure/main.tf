locals {
  database_name = "learningorg"
  cluster_id    = "${var.name_prefix}-prod"

  # The same ports in every silo: each silo is its own container app, so ports never collide.
  silo_port    = 11111
  gateway_port = 30000
  http_port    = 8080

  connection_string = join(";", [
    "Host=${azurerm_postgresql_flexible_server.main.fqdn}",
    "Database=${local.database_name}",
    "Username=${var.postgres_admin_login}",
    "Password=${random_password.postgres.result}",
    "SSL Mode=Require",
  ])

  # Standard OpenTelemetry variables, read by src/ServiceDefaults (UseOtlpExporter and the resource detectors).
  otel_env = {
    OTEL_EXPORTER_OTLP_ENDPOINT = var.otlp_endpoint
    OTEL_EXPORTER_OTLP_PROTOCOL = var.otlp_protocol
    OTEL_RESOURCE_ATTRIBUTES    = "deployment.environment.name=production,service.namespace=learningorg"
  }
}

resource "azurerm_resource_group" "main" {
  name     = "${var.name_prefix}-rg"
  location = var.location
  tags     = var.tags
}

resource "azurerm_log_analytics_workspace" "main" {
  name                = "${var.name_prefix}-logs"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  sku                 = "PerGB2018"
  retention_in_days   = 30
  tags                = var.tags
}

# Container Apps need a subnet of their own to talk to each other on the Orleans ports and to reach PostgreSQL privately.
resource "azurerm_virtual_network" "main" {
  name                = "${var.name_prefix}-vnet"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  address_space       = ["10.40.0.0/16"]
  tags                = var.tags
}

resource "azurerm_subnet" "apps" {
  name                 = "container-apps"
  resource_group_name  = azurerm_resource_group.main.name
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.40.0.0/23"]

  delegation {
    name = "container-apps"
    service_delegation {
      name    = "Microsoft.App/environments"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

resource "azurerm_subnet" "postgres" {
  name                 = "postgres"
  resource_group_name  = azurerm_resource_group.main.name
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.40.2.0/24"]

  delegation {
    name = "postgres"
    service_delegation {
      name    = "Microsoft.DBforPostgreSQL/flexibleServers"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}
