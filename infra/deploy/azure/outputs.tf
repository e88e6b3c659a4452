output "api_url" {
  description = "Public URL of the API and web app."
  value       = "https://${azurerm_container_app.api.ingress[0].fqdn}"
}

output "silo_internal_urls" {
  description = "Internal URLs of the silos (health, and /dashboard when dashboard_enabled)."
  value       = [for silo in azurerm_container_app.silo : "https://${silo.ingress[0].fqdn}"]
}

output "postgres_fqdn" {
  description = "Private host name of the PostgreSQL flexible server."
  value       = azurerm_postgresql_flexible_server.main.fqdn
}

output "storage_account_name" {
  description = "The grain storage account."
  value       = azurerm_storage_account.grains.name
}

output "log_analytics_workspace_id" {
  description = "Workspace receiving the container apps' console logs."
  value       = azurerm_log_analytics_workspace.main.id
}

output "postgres_connection_string" {
  description = "Connection string the processes use (contains the generated password)."
  value       = local.connection_string
  sensitive   = true
}
