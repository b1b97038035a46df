"""The working-day clock on China's official holiday calendar."""
