import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Orders per day as bars, drawn on a canvas by Chart.js (no remote assets). */
export function OrdersChart({ days }: { days: { day: string; orders: number }[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: days.map((d) => d.day),
        datasets: [{ label: 'Orders', data: days.map((d) => d.orders), backgroundColor: '#008060', hoverBackgroundColor: '#004c3f', borderRadius: 2, maxBarThickness: 14 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => items[0]?.label ?? '' } } },
        scales: {
          x: {
            grid: { display: false },
            ticks: {
              color: '#616161',
              maxRotation: 0,
              autoSkip: true,
              maxTicksLimit: 8,
              callback(value) {
                const label = this.getLabelForValue(Number(value));
                return new Date(`${label}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
              },
            },
          },
          y: { beginAtZero: true, grid: { color: '#ebebeb' }, ticks: { color: '#616161', precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [days]);
  return (
    <div className="sd-chart">
      <canvas ref={canvas} role="img" aria-label={`Orders per day over the last ${days.length} days`} data-testid="orders-chart" />
    </div>
  );
}
