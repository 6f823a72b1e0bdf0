"""A year (or N days) of synthetic silver for all cities of the référentiel, for the gold benchmark:
the silver tables' exact columns and formats, plausible values (daily and seasonal cycles, noise,
a few NULLs), one file per UTC date. Collecting a year from the simulator takes an hour on a
2-core machine; aggregation timing needs only the volume and shape.
Usage: python make-silver.py LAKE DAYS END_DATE(YYYY-MM-DD)"""
import csv
import datetime as dt
import json
import math
import os
import random
import sys

lake, days, end = sys.argv[1], int(sys.argv[2]), dt.date.fromisoformat(sys.argv[3])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
cities = [row["city_id"] for row in csv.DictReader(open(os.path.join(root, "lake", "reference", "cities.csv"), encoding="utf-8"))]
columns = {t: [c["name"] for c in json.load(open(os.path.join(root, "schemas", "table", f"{t}.table.json")))["columns"]]
           for t in ("weather", "air_pollution", "air_quality")}
random.seed(42)


def fmt(v, integer=False):
    if v is None:
        return ""
    return str(int(round(v))) if integer else f"{v:.2f}".rstrip("0").rstrip(".") + ("" if "." in f"{v:.2f}".rstrip("0").rstrip(".") else ".0")


for offset in range(days):
    day = end - dt.timedelta(days=days - 1 - offset)
    for table, names in columns.items():
        rows = []
        for ci, city in enumerate(cities):
            for hour in range(24):
                t = dt.datetime(day.year, day.month, day.day, hour, 7 + ci % 20, 12, tzinfo=dt.timezone.utc)
                doy = t.timetuple().tm_yday
                season = math.sin(2 * math.pi * (doy - 110) / 365)
                daily = math.sin(2 * math.pi * (hour - 9) / 24)
                ts = t.strftime("%Y-%m-%dT%H:%M:%SZ")
                collected = t.replace(minute=0, second=0).strftime("%Y-%m-%dT%H:%M:%SZ")
                temp = 12 + 9 * season + 5 * daily + random.gauss(0, 1.5)
                if table == "weather":
                    v = {"city_id": city, "observed_at": ts, "collected_at": collected, "temperature_c": fmt(temp),
                         "feels_like_c": fmt(temp - 1.5), "pressure_hpa": fmt(1013 + random.gauss(0, 6), True),
                         "humidity_pct": fmt(70 - 15 * daily + random.gauss(0, 5), True), "wind_speed_ms": fmt(abs(random.gauss(3.5, 1.8))),
                         "wind_deg": fmt(random.uniform(0, 359), True), "wind_gust_ms": fmt(abs(random.gauss(6, 2))) if random.random() < .6 else "",
                         "clouds_pct": fmt(random.uniform(0, 100), True), "visibility_m": "10000",
                         "rain_1h_mm": fmt(max(0, random.gauss(-0.5, 0.8))), "snow_1h_mm": "0.0", "condition_id": "800",
                         "condition": "Clear", "condition_description": "ciel dégagé"}
                elif table == "air_pollution":
                    traffic = 1 + 0.6 * math.exp(-((hour - 8) ** 2) / 4) + 0.5 * math.exp(-((hour - 19) ** 2) / 5)
                    no2 = max(1, random.gauss(22, 6) * traffic)
                    v = {"city_id": city, "observed_at": t.replace(minute=0, second=0).strftime("%Y-%m-%dT%H:%M:%SZ"), "collected_at": collected,
                         "owm_aqi": str(random.randint(1, 4)), "co_ugm3": fmt(random.gauss(250, 40)), "no_ugm3": fmt(abs(random.gauss(5, 3))),
                         "no2_ugm3": fmt(no2), "o3_ugm3": fmt(max(1, 60 + 25 * season + 20 * daily + random.gauss(0, 8))),
                         "so2_ugm3": fmt(abs(random.gauss(3, 1))), "pm2_5_ugm3": fmt(abs(random.gauss(9, 4))),
                         "pm10_ugm3": fmt(abs(random.gauss(16, 6))), "nh3_ugm3": fmt(abs(random.gauss(2, 1)))}
                else:
                    v = {"city_id": city, "station_id": str(1000 + ci), "observed_at": t.replace(minute=0, second=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
                         "collected_at": collected, "aqi": str(random.randint(15, 80)), "dominant_pollutant": "pm25",
                         "pm25_aqi": fmt(random.uniform(10, 80), True), "pm10_aqi": fmt(random.uniform(5, 40), True),
                         "o3_aqi": fmt(random.uniform(5, 50), True), "no2_aqi": fmt(random.uniform(2, 30), True),
                         "so2_aqi": "", "co_aqi": "", "t_c": fmt(temp), "h_pct": fmt(70), "p_hpa": fmt(1013), "w_ms": fmt(3)}
                rows.append([v.get(n, "") for n in names])
        rows.sort(key=lambda r: (r[0], r[1]) if table != "air_quality" else (r[0], int(r[1]), r[2]))
        folder = os.path.join(lake, "silver", table, f"date={day.isoformat()}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "part-00000.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(names)
            w.writerows(rows)
